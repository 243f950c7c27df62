printf '' | md5sum
