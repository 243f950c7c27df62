mkdir d; cd d; touch x; find . | sort
