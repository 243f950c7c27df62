expr abc = abc
