awk 'BEGIN{print index("hello","ll"), index("hello","z"), index("hello","h")}'
