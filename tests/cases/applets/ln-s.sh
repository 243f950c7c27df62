printf 'x\n' > a; ln -s a b; cat b; readlink b
