% Control constructs.
c(a). c(b).
% query-all: ( c(X) -> Y = yes ; Y = no )
% query-all: ( fail -> Y = yes ; Y = no )
% query-all: ( c(X) ; X = z )
% query: \+ c(z)
% query: \+ c(a)
% query: not(c(z))
% query-all: once(c(X))
% query: ignore(fail)
% query: forall(c(X), atom(X))
% query: forall(c(X), X == a)
% query-all: G = c(X), call(G)
% query-all: call(c, X)
% query: ( true ; fail ), true
% query: (c(a) -> fail ; true)
% query-all: (c(X) *-> true ; true)
