% ISO-style errors, reported with the goal and the clause position.
p(X) :- X is foo + 1.
q(X) :- Y is X + 1, write(Y).
r :- undefined_pred(1).
% query: p(X)
% query: q(_)
% query: r
% query: X is 1 // 0
% query: X is 5 mod 0
% query: call(1)
% query: call(_)
% query: atom_length(X, Y)
% query: functor(F, foo, -1)
% query: arg(x, f(a), A)
% query: X =.. [foo|bar]
% query: throw(my_error)
% query: length(L, a)
% query: between(1, a, X)
