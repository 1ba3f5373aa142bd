-- mends: an objection raised on the public page without a name used to store the text '群众 #<complaint id>'.
-- It is now stored empty and shown through the message key approval.objector.anonymous (Chinese or English) with
-- the complaint's reference number, which the row already names in complaint_id.
update approval_objection
   set objector = ''
 where complaint_id is not null
   and objector = '群众 #' || complaint_id;
