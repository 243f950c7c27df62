awk '# comment
BEGIN { print "ok" } # trailing'
