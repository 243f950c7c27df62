echo -- x
