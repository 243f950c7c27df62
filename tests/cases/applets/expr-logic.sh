expr 0 \| 0; echo "rc=$?"
expr '' \| 0; echo "rc=$?"
expr a \& 0; echo "rc=$?"
expr 1 \| 2
expr 0 \| 2
expr 0 \& 1 / 0; echo "rc=$?"
expr 1 \| 1 / 0
expr 10 \< 9; echo "rc=$?"
expr a \< b
expr 10 \< a
expr 00 = 0
expr 1 = 1 = 1
expr 2 + 3 \> 4
expr '(' 1 + 2 ')' \* 3
expr -5 % 3
expr -5 / 3
expr -- 1 + 1
