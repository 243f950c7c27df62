printf 'x\n' > list; xargs -a list echo got
