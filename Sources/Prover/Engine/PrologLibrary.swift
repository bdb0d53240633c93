/// Library predicates written in Prolog, loaded into every machine. A program that
/// defines a predicate of the same name and arity replaces the library's version.
enum PrologLibrary {
    static let source = #"""
append([], L, L).
append([H|T], L, [H|R]) :- append(T, L, R).
member(X, [Y|Ys]) :- '$member_'(Ys, X, Y).
'$member_'(_, X, X).
'$member_'([Y|Ys], X, _) :- '$member_'(Ys, X, Y).
memberchk(X, L) :- member(X, L), !.
length(L, N) :- var(N), !, '$length_count'(L, 0, N).
length(L, N) :- integer(N), !, ( N >= 0 -> '$length_make'(N, L) ; throw(domain_error(not_less_than_zero, N)) ).
length(_, N) :- throw(type_error(integer, N)).
'$length_count'([], N, N).
'$length_count'([_|T], N0, N) :- N1 is N0+1, '$length_count'(T, N1, N).
'$length_make'(0, L) :- !, L = [].
'$length_make'(N, [_|T]) :- N1 is N-1, '$length_make'(N1, T).
between(L, H, X) :- integer(L), ( integer(H) ; H == inf ; H == infinite ), !, '$between'(L, H, X).
between(L, H, _) :- ( var(L) ; var(H) ), !, throw(instantiation_error).
between(L, H, _) :- integer(L), !, throw(type_error(integer, H)).
between(L, _, _) :- throw(type_error(integer, L)).
'$between'(L, H, X) :- integer(X), !, X >= L, ( integer(H) -> X =< H ; true ).
'$between'(L, H, X) :- var(X), !, ( integer(H) -> L =< H, '$between_'(L, H, X) ; '$between_inf'(L, X) ).
'$between'(_, _, X) :- throw(type_error(integer, X)).
'$between_'(L, H, X) :- L =:= H, !, X = L.
'$between_'(L, _, L).
'$between_'(L, H, X) :- L1 is L+1, '$between_'(L1, H, X).
'$between_inf'(L, L).
'$between_inf'(L, X) :- L1 is L+1, '$between_inf'(L1, X).
once(G) :- call(G), !.
ignore(G) :- ( call(G) -> true ; true ).
forall(C, A) :- \+ ( call(C), \+ call(A) ).
reverse(L, R) :- '$reverse'(L, [], R).
'$reverse'([], A, A).
'$reverse'([H|T], A, R) :- '$reverse'(T, [H|A], R).
select(X, [X|T], T).
select(X, [H|T], [H|R]) :- select(X, T, R).
nth0(I, L, E) :- integer(I), !, I >= 0, '$nth'(I, L, E).
nth0(I, L, E) :- var(I), '$nth_enum'(L, E, 0, I).
nth1(I, L, E) :- integer(I), !, I >= 1, I0 is I-1, '$nth'(I0, L, E).
nth1(I, L, E) :- var(I), '$nth_enum'(L, E, 1, I).
'$nth'(0, [E|_], E) :- !.
'$nth'(I, [_|T], E) :- I1 is I-1, '$nth'(I1, T, E).
'$nth_enum'([E|_], E, B, B).
'$nth_enum'([_|T], E, B0, B) :- B1 is B0+1, '$nth_enum'(T, E, B1, B).
last([X|Xs], L) :- '$last'(Xs, X, L).
'$last'([], L, L).
'$last'([X|Xs], _, L) :- '$last'(Xs, X, L).
sum_list(L, S) :- '$sum_list'(L, 0, S).
'$sum_list'([], S, S).
'$sum_list'([X|Xs], S0, S) :- S1 is S0+X, '$sum_list'(Xs, S1, S).
sumlist(L, S) :- sum_list(L, S).
max_list([H|T], M) :- '$max_list'(T, H, M).
'$max_list'([], M, M).
'$max_list'([H|T], M0, M) :- M1 is max(M0, H), '$max_list'(T, M1, M).
min_list([H|T], M) :- '$min_list'(T, H, M).
'$min_list'([], M, M).
'$min_list'([H|T], M0, M) :- M1 is min(M0, H), '$min_list'(T, M1, M).
numlist(L, H, R) :- L > H, !, R = [].
numlist(L, H, [L|T]) :- L1 is L+1, numlist(L1, H, T).
maplist(G, L) :- '$maplist'(L, G).
'$maplist'([], _).
'$maplist'([X|Xs], G) :- call(G, X), '$maplist'(Xs, G).
maplist(G, L1, L2) :- '$maplist'(L1, L2, G).
'$maplist'([], [], _).
'$maplist'([X|Xs], [Y|Ys], G) :- call(G, X, Y), '$maplist'(Xs, Ys, G).
maplist(G, L1, L2, L3) :- '$maplist'(L1, L2, L3, G).
'$maplist'([], [], [], _).
'$maplist'([X|Xs], [Y|Ys], [Z|Zs], G) :- call(G, X, Y, Z), '$maplist'(Xs, Ys, Zs, G).
"""#
}
