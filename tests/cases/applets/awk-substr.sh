awk 'BEGIN{s="hello world"; print substr(s,1,5); print substr(s,7); print substr(s,0,3); print substr(s,10,10)}'
