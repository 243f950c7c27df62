my-func() { echo dash; }
my.func() { echo dot; }
my-func; my.func
