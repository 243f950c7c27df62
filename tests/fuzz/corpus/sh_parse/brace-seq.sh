echo {1..5}
echo {5..1}
echo {a..e}
echo {01..10..3}
echo {1..10..2}
echo {x..z}{1..2}
