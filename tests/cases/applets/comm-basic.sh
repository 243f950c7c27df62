printf 'a\nb\nc\n' > x; printf 'b\nc\nd\n' > y; comm x y
