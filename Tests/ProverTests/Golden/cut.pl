% Cut: in clauses, through disjunction, local to call/1 and to \+ and conditions.
t(1). t(2). t(3).
first(X) :- t(X), !.
disj(X) :- ( t(X), X > 1, ! ; X = none ).
local(X) :- call((t(X), !)) ; X = after.
cond(X) :- ( t(Y), Y > 1, ! -> X = Y ; X = no ).
max(X, Y, X) :- X >= Y, !.
max(_, Y, Y).
noloop :- \+ (t(X), !, X > 1).
% query-all: first(X)
% query-all: disj(X)
% query-all: local(X)
% query-all: cond(X)
% query: max(3, 7, M)
% query: max(9, 7, M)
% query: noloop
% query-all: t(X), !
% query-all: (t(X) ; X = 4), X > 2, !
