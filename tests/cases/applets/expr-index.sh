expr index hello l
