x=$(echo hi
