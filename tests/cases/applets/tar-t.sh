mkdir d; touch d/a d/b; tar cf a.tar d/a d/b; tar tf a.tar
