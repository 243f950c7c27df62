touch a c; ln -s a b; ln -sf c b; readlink b
