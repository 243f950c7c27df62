awk 'BEGIN{a["only"]=1; for (k in a) print k, a[k]}'
