echo one
nosuch_a
echo three
nosuch_b
