case a in
  a) echo one;&
  b) echo two;;
  c) echo three;;
esac
case ab in
  a*) echo first;;&
  *b) echo second;;&
  z) echo never;;
esac
