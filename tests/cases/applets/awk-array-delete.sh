awk 'BEGIN{a[1]; a[2]; delete a[1]; print (1 in a), (2 in a)}'
