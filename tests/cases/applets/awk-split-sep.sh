awk 'BEGIN{n=split("a,b,,c", arr, ","); print n, (arr[3]==""), arr[4]}'
