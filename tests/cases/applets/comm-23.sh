printf 'a\nb\nc\n' > x; printf 'b\nc\nd\n' > y; comm -23 x y
