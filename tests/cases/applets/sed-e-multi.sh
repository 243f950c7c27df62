echo abc | sed -e 's/a/1/' -e 's/b/2/'
