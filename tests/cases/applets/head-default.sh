seq 20 | head
