echo if then else fi for do done case esac while
echo {  }
