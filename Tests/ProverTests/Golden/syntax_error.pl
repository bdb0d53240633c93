% A syntax error: the loader reports file:line:column.
ok(1).
bad(X :- .
