printf '' | xargs echo hi
