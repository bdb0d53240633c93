% Exact integers beyond 64 bits (GMP), with promotion on overflow.
fact(0, 1) :- !.
fact(N, F) :- N1 is N - 1, fact(N1, F1), F is N * F1.
% query: fact(50, F)
% query: X is 2 ** 200
% query: X is 9223372036854775807 + 1
% query: X is -9223372036854775808 - 1
% query: X is 1152921504606846975 + 1, integer(X)
% query: X is 100000000000000000000 // 3, Y is 100000000000000000000 mod 7
% query: X is (2 ** 100) - (2 ** 100) + 5
% query: fact(30, A), fact(29, B), C is A // B
% query: X is gcd(2 ** 80, 6 ** 40)
% query: 2 ** 70 > 2 ** 69, 2 ** 64 =:= 18446744073709551616
% query: X = 123456789012345678901234567890, X == 123456789012345678901234567890
% query: X is -(2 ** 65), Y is abs(X)
