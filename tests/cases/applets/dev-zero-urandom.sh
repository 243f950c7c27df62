# /dev/zero and /dev/urandom as applets read them (dd-free file making).
head -c 5000 /dev/zero | wc -c
head -c 16 /dev/urandom | wc -c
od -An -tx1 -N4 /dev/zero
[ -c /dev/zero ] && echo zero is a character device
[ -c /dev/urandom ] && echo urandom is a character device
head -c 3000 /dev/zero > blob; wc -c < blob
echo hi > /dev/zero; echo "rc=$?"
