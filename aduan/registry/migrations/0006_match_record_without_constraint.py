"""A complaint's registry match holds its record without a constraint in the database, so that the
first national file (written with the registry's keys built again after it) never locks the
matches' table: the complaint pages and the intake go on meanwhile."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0005_numbers_compared_bytewise'),
    ]

    operations = [
        migrations.AlterField(
            model_name='match',
            name='record',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='matches', to='registry.record'),
        ),
    ]
