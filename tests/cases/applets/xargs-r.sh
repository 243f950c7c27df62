printf '' | xargs -r echo hi; echo done
