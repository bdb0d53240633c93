% Transitive closure over a 1,000-node chain with a tabled left-recursive rule.
% The benchmark runner appends the facts edge(0, 1), ..., edge(999, 1000).
:- table path/2.
path(X, Y) :- path(X, Z), edge(Z, Y).
path(X, Y) :- edge(X, Y).
bench_run :- abolish_all_tables, findall(Y, path(0, Y), L), length(L, 1000).
