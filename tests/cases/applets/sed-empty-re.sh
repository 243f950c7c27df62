echo abc | sed '/b/s//X/'
