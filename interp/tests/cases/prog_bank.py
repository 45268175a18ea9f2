# Bank accounts: properties, class/static methods, custom exceptions and a transaction log.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.shortfall = amount - account.balance

class Account:
    _next_id = 1
    interest = 0.02

    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.log = []

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    def deposit(self, amount):
        self.balance += amount
        self.log.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self

    @classmethod
    def with_bonus(cls, owner):
        return cls(owner, 10.0)

    @staticmethod
    def fmt(amount):
        return f"${amount:,.2f}"

    def __repr__(self):
        return f"<{type(self).__name__} #{self.id} {self.owner} {self.fmt(self.balance)}>"

class Savings(Account):
    interest = 0.05
    def add_interest(self):
        return self.deposit(round(self.balance * self.interest, 2))

a = Account("ann").deposit(100).withdraw(30)
s = Savings.with_bonus("bob").deposit(1990).add_interest()
print(a, s, a.log, s.log)
try:
    a.withdraw(500)
except InsufficientFunds as e:
    print("error:", e, "| short by", e.shortfall)
try:
    a.balance = -5
except ValueError as e:
    print("error:", e)
print(Account.fmt(1234567.891), Savings.interest, Account.interest, isinstance(s, Account))
