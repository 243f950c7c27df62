awk 'BEGIN{for(i=1;i<=3;i++) for(j=1;j<=3;j++) m[i,j]=i*j; print m[2,3], m[3,3]}'
