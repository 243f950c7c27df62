echo $(echo hi
