mkdir d; touch d/a; du -a d | cut -f2 | sort
