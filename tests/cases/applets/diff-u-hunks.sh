seq 1 30 > x; seq 1 30 | sed -e 's/^5$/five/' -e '/^20$/d' -e '$a 31' > y; diff -u x y | tail -n +3; diff -U1 x y | tail -n +3; diff -U0 x y | tail -n +3
