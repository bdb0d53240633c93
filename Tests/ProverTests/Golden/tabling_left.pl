% Left recursion over a cyclic graph terminates under tabling.
:- table path/2.
edge(a, b). edge(b, c). edge(c, a). edge(c, d).
path(X, Y) :- path(X, Z), edge(Z, Y).
path(X, Y) :- edge(X, Y).
% query: findall(Y, path(a, Y), L), msort4(L, S)
% query: findall(X-Y, path(X, Y), L), length(L, N)
% query: path(d, X)
% query: path(a, a)
msort4(L, S) :- findall(X, (member(X, [a, b, c, d]), memberchk(X, L)), S).
