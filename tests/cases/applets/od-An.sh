printf 'AB' | od -An -tx1
