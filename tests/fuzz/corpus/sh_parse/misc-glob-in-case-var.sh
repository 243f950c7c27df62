pat="*.txt"
case file.txt in $pat) echo glob-var;; esac
case file.txt in "$pat") echo literal;; *) echo quoted-no-match;; esac
