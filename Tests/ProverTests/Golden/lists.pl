% Library list predicates.
% query-all: append(X, Y, [a,b])
% query: append([1,2], [3], L)
% query-all: member(X, [a,b,c])
% query: length([a,b,c], N)
% query: length(L, 2)
% query-all: between(1, 4, X)
% query: between(1, 3, 5)
% query: reverse([1,2,3], R)
% query: nth0(1, [a,b,c], E), nth1(1, [a,b,c], F)
% query-all: select(X, [1,2,3], R)
% query: msum(S)
% query: last([1,2,3], X), max_list([3,1,4,1,5], M), min_list([3,1,4], Mi)
% query: numlist(1, 5, L), sum_list(L, S)
% query: maplist(succ3, [1,2,3], L)
% query: memberchk(b, [a,b,c,b])
% query: is_list([a|_])
msum(S) :- findall(X, member(X, [1,2,3]), L), sum_list(L, S).
succ3(X, Y) :- Y is X + 3.
