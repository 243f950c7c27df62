awk 'BEGIN{s="abc"; for(i=length(s);i>0;i--) r=r substr(s,i,1); print r}'
