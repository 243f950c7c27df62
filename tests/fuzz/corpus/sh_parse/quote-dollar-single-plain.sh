printf '[%s]\n' $'a\tb' $'x\ny' $'it\'s' $'\x41\102\103' $'\\'
