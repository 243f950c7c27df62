awk 'BEGIN{print toupper("Hello, World 1"), tolower("ABC def")}'
