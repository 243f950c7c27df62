printf '' | head; echo done
