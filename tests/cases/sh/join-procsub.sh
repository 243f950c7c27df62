# needs: join sort
# files
# join (ours: toybox has none), often fed by process substitution.
printf '3 carol\n1 alice\n2 bob\n' > names
printf '2 sales\n1 eng\n4 ops\n1 board\n' > depts
join <(sort names) <(sort depts)
join -a 1 <(sort names) <(sort depts)
join -a 2 -e NONE -o 0,1.2,2.2 <(sort names) <(sort depts)
join -v 1 <(sort names) <(sort depts)
join -v 2 <(sort names) <(sort depts)
join -o auto -e - -a 1 -a 2 <(sort names) <(sort depts)
printf 'k,a,b\nx,1,2\n' > c1
printf 'k,c\nx,3\n' > c2
join -t, --header c1 c2
printf 'A 1\nb 2\n' > u1
printf 'a x\nB y\n' > u2
join -i u1 u2
join -1 2 -2 1 <(printf 'x 1\ny 2\n') <(printf '1 one\n2 two\n')
join names; echo "status $?"
