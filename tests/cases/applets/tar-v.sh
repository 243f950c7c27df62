mkdir d; touch d/a; tar cvf a.tar d/a
